/**
 * Links and images come from other systems; a `javascript:` link or a remote image (a tracking
 * pixel) must never reach a debtor's mailbox under our name, so anything else is left out.
 */
export function isWebLink(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}

export function isEmbeddedImage(url: string): boolean {
  return /^(cid:[^\s]+|data:image\/(png|gif|jpeg);base64,[A-Za-z0-9+/=]+)$/.test(url);
}
