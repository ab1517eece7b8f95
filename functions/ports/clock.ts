/** The only source of "now" for the domain, the use cases and the handlers. */
export interface Clock {
  now(): Date;
}
