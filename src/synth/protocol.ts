/** The synthesis worker's messages: one design in, yosys's verdict out. */
export interface SynthRequest {
  id: number;
  code: string;
}

export interface SynthResult {
  id: number;
  /** yosys synthesized the design (`synth -auto-top`). */
  ok: boolean;
  /** yosys's error line when it did not; '' when it did. */
  message: string;
}
