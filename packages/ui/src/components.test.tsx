import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Alert } from "./Alert.tsx";
import { Dialog } from "./Dialog.tsx";
import { Message } from "./Message.tsx";

describe("Alert", () => {
  it("announces the message, with extra classes", () => {
    expect(renderToStaticMarkup(<Alert message="Wrong PIN." className="no-print" />)).toBe(
      '<p class="error no-print" role="alert">Wrong PIN.</p>',
    );
  });

  it("renders nothing without a message", () => {
    expect(renderToStaticMarkup(<Alert message={undefined} />)).toBe("");
    expect(renderToStaticMarkup(<Alert message="" />)).toBe("");
  });
});

describe("Message", () => {
  it("is a titled card, with its text when there is some", () => {
    expect(renderToStaticMarkup(<Message title="Opening the till…" />)).toBe(
      '<main class="center"><section class="card"><h1>Opening the till…</h1></section></main>',
    );
    expect(renderToStaticMarkup(<Message title="Shop not found" text="Check the address." />)).toContain(
      '<p class="muted">Check the address.</p>',
    );
  });
});

describe("Dialog", () => {
  const labelOf = (html: string) => {
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(html)?.[1];
    const heading = /<h2 id="([^"]+)">([^<]*)<\/h2>/.exec(html);
    return labelledBy !== undefined && heading?.[1] === labelledBy ? heading[2] : undefined;
  };

  it("is a modal named by its heading", () => {
    const html = renderToStaticMarkup(
      <Dialog title="Manager approval">
        <p>PIN</p>
      </Dialog>,
    );
    expect(html).toMatch(/^<div class="modal" role="dialog" aria-modal="true"/);
    expect(labelOf(html)).toBe("Manager approval");
    expect(html).toContain('<div class="card form"><h2');
  });

  it("is a form when it has a submit action, and takes the layout's card", () => {
    expect(renderToStaticMarkup(<Dialog title="Discount" onSubmit={() => undefined} children={null} />)).toContain(
      '<form class="card form">',
    );
    expect(renderToStaticMarkup(<Dialog title="Customer" layout="wide" children={null} />)).toContain('<div class="card form wide">');
    expect(renderToStaticMarkup(<Dialog title="Size" layout="plain" children={null} />)).toContain('<div class="card">');
  });

  it("ends with its actions, Cancel first, when it has any", () => {
    const html = renderToStaticMarkup(
      <Dialog title="Discount" onCancel={() => undefined} actions={<button className="primary big">Apply</button>}>
        <label>Percent off</label>
      </Dialog>,
    );
    expect(html).toContain(
      '<label>Percent off</label><div class="row"><button type="button">Cancel</button><button class="primary big">Apply</button></div>',
    );
    expect(renderToStaticMarkup(<Dialog title="Parked carts" children={<p>none</p>} />)).not.toContain('class="row"');
  });
});
