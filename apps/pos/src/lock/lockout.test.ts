import { describe, expect, it } from "vitest";
import { useMemoryLocalStorage } from "../testing/test-till";
import { clearLockouts, lockedOut, readLockout, recordPinTry } from "./lockout";

describe("PIN lock-outs", () => {
  useMemoryLocalStorage();
  const wrong = (id: string, times: number, now: number) => {
    for (let i = 0; i < times; i++) recordPinTry(id, false, now);
    return readLockout(id);
  };

  it("lock one person out for 30 s after 5 wrong PINs, 5 min after 10, 24 h after 15 and after every one past that", () => {
    const now = 1_000_000;
    expect(wrong("alex", 4, now).lockedUntil).toBe(0);
    expect(wrong("alex", 1, now).lockedUntil).toBe(now + 30_000);
    expect(wrong("alex", 4, now).lockedUntil).toBe(0);
    expect(wrong("alex", 1, now).lockedUntil).toBe(now + 300_000);
    expect(wrong("alex", 5, now).lockedUntil).toBe(now + 86_400_000);
    expect(wrong("alex", 1, now).lockedUntil).toBe(now + 86_400_000);
    expect(readLockout("sam")).toEqual({ failures: 0, lockedUntil: 0 });
    expect(lockedOut(now + 1)).toEqual(["alex"]);
  });

  it("survive a reload (they live in localStorage), reset on a right PIN, and a manager's sign-in clears them all", () => {
    wrong("alex", 5, 0);
    wrong("sam", 3, 0);
    expect(JSON.parse(localStorage.getItem("countertop.pos.pin-lockouts")!)).toHaveProperty("alex");
    recordPinTry("sam", true);
    expect(readLockout("sam").failures).toBe(0);
    clearLockouts();
    expect(readLockout("alex")).toEqual({ failures: 0, lockedUntil: 0 });
  });
});
