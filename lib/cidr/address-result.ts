/** Outcome of recognising address text: the value, or the reason (a sentence naming the text) it was rejected. */
export type AddressParse = { readonly ok: true; readonly value: bigint } | { readonly ok: false; readonly reason: string };

export function parsed(value: bigint): AddressParse {
  return { ok: true, value };
}

export function rejected(reason: string): AddressParse {
  return { ok: false, reason };
}
