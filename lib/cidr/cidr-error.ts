/**
 * The only error this module throws. `message` is the whole human-readable text (it names the
 * offending input and, where possible, says what to write instead); `input` is the text (or the
 * stringified value) that was rejected.
 */
export class CidrError extends Error {
  readonly input: string;

  constructor(input: string, message: string) {
    super(message);
    this.name = "CidrError";
    this.input = input;
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
