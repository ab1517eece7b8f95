/**
 * One line on stderr that redraws itself (\r): the phase, a bar, the count and the time spent.
 * stdout stays clean for the report. When stderr is not a terminal (CI logs), it writes one line
 * per phase instead, as a redrawn line would flood the log.
 */
export class ProgressBar {
  private label = '';
  private unit = '';
  private total = 1;
  private done = 0;
  private startedAt = Date.now();
  private drawnAt = 0;
  private readonly benchStartedAt = Date.now();

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly width = 30,
  ) {}

  start(label: string, total: number, unit = ''): void {
    this.label = label;
    this.unit = unit;
    this.total = Math.max(total, 1);
    this.done = 0;
    this.startedAt = Date.now();
    if (this.stream.isTTY) this.draw();
    else this.stream.write(`${label} ...\n`);
  }

  advance(by = 1): void {
    this.done = Math.min(this.done + by, this.total);
    // At most ten redraws a second: the bar must not cost what it measures.
    if (this.stream.isTTY && Date.now() - this.drawnAt >= 100) this.draw();
  }

  /** Ends the phase with a line that stays on screen. */
  finish(summary: string): void {
    const line = `${this.label}: ${summary} (${clock(Date.now() - this.startedAt)}, total ${clock(Date.now() - this.benchStartedAt)})`;
    this.stream.write(this.stream.isTTY ? `\r\x1b[2K${line}\n` : `${line}\n`);
  }

  private draw(): void {
    this.drawnAt = Date.now();
    const filled = Math.round((this.done / this.total) * this.width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(this.width - filled)}`;
    const count = `${this.done}/${this.total}${this.unit ? ` ${this.unit}` : ''}`;
    this.stream.write(`\r\x1b[2K${this.label} ${bar} ${count} ${clock(Date.now() - this.startedAt)}`);
  }
}

function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
