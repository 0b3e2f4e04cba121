/**
 * A fake camera for Chromium (`--use-file-for-fake-video-capture`): a Y4M video whose every frame
 * shows one EAN-13 barcode, drawn here from the symbology's tables so no image library is needed.
 */
import { writeFileSync } from "node:fs";

const L = ["0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011", "0110111", "0001011"];
const R = L.map((code) => [...code].map((b) => (b === "1" ? "0" : "1")).join(""));
const G = R.map((code) => [...code].reverse().join(""));
const PARITY = ["LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG", "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL"];

/** The 95 modules of an EAN-13 (1 = bar). */
export function ean13Modules(code: string): string {
  if (!/^\d{13}$/.test(code)) throw new Error(`not an EAN-13: ${code}`);
  const digits = [...code].map(Number);
  const parity = PARITY[digits[0]!]!;
  const left = digits
    .slice(1, 7)
    .map((d, i) => (parity[i] === "L" ? L[d] : G[d]))
    .join("");
  const right = digits
    .slice(7)
    .map((d) => R[d])
    .join("");
  return `101${left}01010${right}101`;
}

/** Writes a Y4M file of `frames` identical frames showing `code`, and returns its path. */
export function writeBarcodeVideo(path: string, code: string, width = 640, height = 480, frames = 10): string {
  const modules = ean13Modules(code);
  const scale = 5;
  const quiet = Math.floor((width - modules.length * scale) / 2);
  const y = Buffer.alloc(width * height, 255);
  for (let row = 120; row < 360; row++) {
    for (let m = 0; m < modules.length; m++) {
      if (modules[m] !== "1") continue;
      y.fill(0, row * width + quiet + m * scale, row * width + quiet + (m + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), y, chroma]);
  writeFileSync(
    path,
    Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: frames }, () => frame)]),
  );
  return path;
}

/** Appends the EAN-13 check digit to 12 digits. */
export function withCheckDigit(first12: string): string {
  const sum = [...first12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}
