import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

async function open(pdf: Uint8Array): Promise<PDFDocumentProxy> {
  // pdfjs takes the buffer over; a copy leaves the caller's bytes alone.
  return getDocument({ data: pdf.slice(), standardFontDataUrl, isEvalSupported: false, verbosity: 0 })
    .promise;
}

/** One run of text on a page, where a reader finds it: points from the page's top-left corner. */
export interface PlacedText {
  page: number;
  text: string;
  left: number;
  top: number;
  size: number;
}

/** Every run of text of the document, page by page, with its place. */
export async function pdfTextRuns(pdf: Uint8Array): Promise<PlacedText[]> {
  const document = await open(pdf);
  const runs: PlacedText[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const height = page.view[3]!;
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , , scale, x, y] = item.transform as number[];
      runs.push({ page: number, text: item.str, left: x!, top: height - y! - scale!, size: scale! });
    }
  }
  await document.destroy();
  return runs;
}

/** The document's text, a line per run, as a reader (or a search) sees it. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  return (await pdfTextRuns(pdf)).map((run) => run.text).join('\n');
}

export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  const document = await open(pdf);
  const pages = document.numPages;
  await document.destroy();
  return pages;
}

/** The images painted on the first page, decoded to RGBA pixels (for a QR reader). */
export async function pdfImages(
  pdf: Uint8Array,
): Promise<{ width: number; height: number; rgba: Uint8ClampedArray }[]> {
  const document = await open(pdf);
  const page = await document.getPage(1);
  const operators = await page.getOperatorList();
  const images: { width: number; height: number; rgba: Uint8ClampedArray }[] = [];
  for (const [index, fn] of operators.fnArray.entries()) {
    if (fn !== OPS.paintImageXObject) continue;
    const name = operators.argsArray[index][0] as string;
    // Decoded in the background: the callback runs once the pixels are there.
    const image = await new Promise<{ width: number; height: number; kind: number; data: Uint8ClampedArray }>(
      (resolve) => page.objs.get(name, resolve),
    );
    images.push({ width: image.width, height: image.height, rgba: toRgba(image) });
  }
  await document.destroy();
  return images;
}

/** pdfjs's image kinds: 1 one bit grey, 2 RGB, 3 RGBA. */
function toRgba(image: {
  width: number;
  height: number;
  kind: number;
  data: Uint8ClampedArray;
}): Uint8ClampedArray {
  const pixels = image.width * image.height;
  if (image.kind === 3) return image.data;
  const rgba = new Uint8ClampedArray(pixels * 4);
  for (let pixel = 0; pixel < pixels; pixel += 1) {
    let value: [number, number, number];
    if (image.kind === 2) {
      value = [image.data[pixel * 3]!, image.data[pixel * 3 + 1]!, image.data[pixel * 3 + 2]!];
    } else {
      const row = Math.floor(pixel / image.width);
      const column = pixel % image.width;
      const byte = image.data[row * Math.ceil(image.width / 8) + (column >> 3)]!;
      const grey = byte & (0x80 >> (column & 7)) ? 255 : 0;
      value = [grey, grey, grey];
    }
    rgba.set([...value, 255], pixel * 4);
  }
  return rgba;
}
