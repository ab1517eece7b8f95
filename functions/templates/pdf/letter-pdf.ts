import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import {
  A4,
  ADDRESS_FIELD,
  baselineAt,
  FIRST_PAGE_TEXT_TOP,
  FOLD_MARKS,
  MAX_ADDRESS_LINES,
  type PageBox,
  PUNCH_MARK,
  QR_BOX,
  RETURN_ADDRESS_ZONE_HEIGHT,
  TEXT_MARGINS,
  TYPE,
} from './page-geometry';

/** A letter to print: the same words as the email, laid out for a window envelope. */
export interface LetterForPrint {
  /** The sender in one line (name, street, city): printed small above the recipient. */
  returnAddress: string;
  /** The recipient as the post reads it, one line each: name, street, postal code and city, country. */
  addressLines: readonly string[];
  subject: string;
  /** The letter's words as the email's plain-text part has them. */
  text: string;
  /** The EPC QR code the email carries, as PNG. */
  qrPng?: Uint8Array;
  /** The document's date (its metadata): the same letter renders to the same bytes. */
  dated: Date;
}

const TEXT_WIDTH = A4.width - TEXT_MARGINS.left - TEXT_MARGINS.right;

/**
 * The letter as an A4 PDF: the recipient in the address field of a left-window envelope, the QR
 * code beside it, then the subject and the text, on as many pages as it takes, numbered "n/N".
 * The standard Helvetica of every PDF reader is used, so nothing is embedded but the QR image;
 * a character it cannot show (outside Windows-1252) prints as "?".
 */
export async function renderLetterPdf(letter: LetterForPrint): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(letter.subject);
  pdf.setCreator('credit-control');
  pdf.setProducer('credit-control');
  pdf.setCreationDate(letter.dated);
  pdf.setModificationDate(letter.dated);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const printable = printableIn(regular);

  const first = pdf.addPage([A4.width, A4.height]);
  drawMarks(first);
  drawAddress(first, regular, printable, letter);
  if (letter.qrPng) {
    const image = await pdf.embedPng(letter.qrPng);
    first.drawImage(image, { ...bottomLeft(QR_BOX), width: QR_BOX.width, height: QR_BOX.height });
  }

  let page = first;
  let top = FIRST_PAGE_TEXT_TOP;
  const newPageIfFull = (lineHeight: number) => {
    if (top + lineHeight <= A4.height - TEXT_MARGINS.bottom) return;
    page = pdf.addPage([A4.width, A4.height]);
    drawMarks(page);
    top = TEXT_MARGINS.top;
  };
  for (const line of wrap(printable(letter.subject), bold, TYPE.subject, TEXT_WIDTH)) {
    newPageIfFull(TYPE.leading);
    page.drawText(line, at(top, TYPE.subject, bold));
    top += TYPE.leading + 2;
  }
  top += TYPE.leading;
  for (const line of bodyLines(letter).flatMap((text) =>
    wrap(printable(text), regular, TYPE.body, TEXT_WIDTH),
  )) {
    newPageIfFull(TYPE.leading);
    if (line) page.drawText(line, at(top, TYPE.body, regular));
    top += TYPE.leading;
  }

  const pages = pdf.getPages();
  pages.forEach((each, index) => {
    const label = `${index + 1}/${pages.length}`;
    each.drawText(label, {
      x: A4.width - TEXT_MARGINS.right - regular.widthOfTextAtSize(label, TYPE.pageNumber),
      y: TEXT_MARGINS.bottom / 2,
      size: TYPE.pageNumber,
      font: regular,
    });
  });
  return pdf.save({ useObjectStreams: false });
}

/**
 * The text without its first line when that is the recipient's name: the email opens with it,
 * and on paper the address field says it already.
 */
function bodyLines(letter: LetterForPrint): string[] {
  const lines = letter.text.replace(/\r\n/g, '\n').split('\n');
  if (lines[0]?.trim() === letter.addressLines[0]?.trim()) lines.shift();
  while (lines[0]?.trim() === '') lines.shift();
  return lines;
}

function drawAddress(
  page: PDFPage,
  font: PDFFont,
  printable: (text: string) => string,
  letter: LetterForPrint,
): void {
  const returnLine = fitted(printable(letter.returnAddress), font, TYPE.returnAddress, ADDRESS_FIELD.width);
  page.drawText(returnLine, {
    x: ADDRESS_FIELD.left,
    y: baselineAt(
      ADDRESS_FIELD.top + RETURN_ADDRESS_ZONE_HEIGHT - TYPE.returnAddress - 4,
      TYPE.returnAddress,
    ),
    size: TYPE.returnAddress,
    font,
  });
  letter.addressLines.slice(0, MAX_ADDRESS_LINES).forEach((line, index) => {
    const text = fitted(printable(line), font, TYPE.body, ADDRESS_FIELD.width);
    page.drawText(text, {
      x: ADDRESS_FIELD.left,
      y: baselineAt(ADDRESS_FIELD.top + RETURN_ADDRESS_ZONE_HEIGHT + index * (TYPE.body + 2), TYPE.body),
      size: TYPE.body,
      font,
    });
  });
}

function drawMarks(page: PDFPage): void {
  const mark = (top: number, length: number) =>
    page.drawLine({
      start: { x: 14, y: A4.height - top },
      end: { x: 14 + length, y: A4.height - top },
      thickness: 0.5,
      color: rgb(0.5, 0.5, 0.5),
    });
  for (const fold of FOLD_MARKS) mark(fold, 10);
  mark(PUNCH_MARK, 14);
}

function at(top: number, size: number, font: PDFFont) {
  return { x: TEXT_MARGINS.left, y: baselineAt(top, size), size, font };
}

function bottomLeft(box: PageBox): { x: number; y: number } {
  return { x: box.left, y: A4.height - box.top - box.height };
}

/** Replaces what the font cannot encode, so that an unusual name never fails the whole letter. */
function printableIn(font: PDFFont): (text: string) => string {
  const known = new Set(font.getCharacterSet());
  return (text) =>
    [...text.replace(/\t/g, '    ')].map((char) => (known.has(char.codePointAt(0)!) ? char : '?')).join('');
}

/** A line cut to the width, for the address field, whose lines must not run out of the window. */
function fitted(text: string, font: PDFFont, size: number, width: number): string {
  let fit = text;
  while (fit.length > 1 && font.widthOfTextAtSize(fit, size) > width) fit = fit.slice(0, -1);
  return fit;
}

/**
 * One line of text broken into lines that fit the width, at spaces where it can and inside a word
 * (a long link) where it must. An empty line stays an empty line: it separates paragraphs.
 */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= width;
  const indent = /^\s*/.exec(text)?.[0] ?? '';
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/ +/)) {
    const candidate = line ? `${line} ${word}` : `${indent}${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = line ? `${indent}${word}` : candidate;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  lines.push(line);
  return lines;
}
