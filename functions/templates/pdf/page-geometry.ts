/** PDF user space is in points; the standards below measure in millimetres. */
const POINTS_PER_MM = 72 / 25.4;

const mm = (millimetres: number) => millimetres * POINTS_PER_MM;

/** A4 portrait, 210 mm × 297 mm. */
export const A4 = { width: mm(210), height: mm(297) } as const;

/** A rectangle measured from the page's top-left corner, as the standards do (points). */
export interface PageBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The address field of a business letter for a window envelope with the window on the left, as
 * NEN 5008 and DIN 5008 (form B) place it: 20 mm from the left edge, 45 mm from the top, 85 mm wide
 * and 45 mm high. Folded at the marks below, it shows through the window of a DL or EA5/6 envelope
 * (window 90 mm × 45 mm, 20 mm from the left, 15 mm from the bottom). The first 17.7 mm hold the
 * return address (a small line the post reads when the letter cannot be delivered) and any
 * endorsement; the recipient takes the 27.3 mm below, at most six lines.
 */
export const ADDRESS_FIELD: PageBox = { left: mm(20), top: mm(45), width: mm(85), height: mm(45) };
export const RETURN_ADDRESS_ZONE_HEIGHT = mm(17.7);
export const MAX_ADDRESS_LINES = 6;

/**
 * The information block to the right of the address field (DIN 5008 form B: from 125 mm, 50 mm
 * from the top): the EPC QR code, 35 mm square, which a banking app scans from paper as from a
 * screen.
 */
export const QR_BOX: PageBox = { left: mm(160), top: mm(50), width: mm(35), height: mm(35) };

/** Where the subject line, and after it the text, start on the first page (DIN 5008 form B). */
export const FIRST_PAGE_TEXT_TOP = mm(98.46);
/** Margins of the text: 25 mm left (room to file the letter), 20 mm right, 20 mm top, 25 mm bottom. */
export const TEXT_MARGINS = { left: mm(25), right: mm(20), top: mm(20), bottom: mm(25) } as const;

/** Fold marks at 105 mm and 210 mm from the top, the punch mark at 148.5 mm (form B). */
export const FOLD_MARKS = [mm(105), mm(210)] as const;
export const PUNCH_MARK = mm(148.5);

/** The type: 10 pt body with 13 pt lines, 7 pt return address, 11 pt bold subject. */
export const TYPE = { body: 10, leading: 13, returnAddress: 7, subject: 11, pageNumber: 8 } as const;

/** The y coordinate (PDF counts from the bottom) of a line whose top is `top` points from the page's top. */
export function baselineAt(top: number, size: number): number {
  return A4.height - top - size;
}
