// Telling a property that is still to be computed (an accessor, see project.ts and python/lazyheader.ts)
// from a plain one, once per file on a cold index: getOwnPropertyDescriptor makes a descriptor object
// per call, ~100 bytes of garbage each; Object.prototype.__lookupGetter__ answers with the getter itself.
const lookupGetter = (Object.prototype as unknown as { __lookupGetter__(this: object, key: string): unknown }).__lookupGetter__;

/** The getter of `obj[key]` (own or inherited), or undefined for a data property or none. */
export function getterOf(obj: object, key: string): unknown {
  return lookupGetter.call(obj, key);
}
