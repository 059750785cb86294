// Share links: #model=<base64url of the deflate-raw compressed model JSON>. One decoder for the
// page (cmake/SingleFile.cmake inlines this file into index.html and ahp-survey.html at the
// ahp:share-link marker of web/index.html) and for Node (scripts/fuzz.sh runs
// tests/fuzz/share_link_fuzz.mjs on it). Every failure is a ShareLinkError with a message for
// the expert; the inflated text never grows past kModelBytes (a compression bomb stops there).
(function (root) {
  'use strict';
  // At most a model file's size (docs/formats.md, "Limits").
  const kModelBytes = 5 * 1024 * 1024;

  class ShareLinkError extends Error {}
  class TooLarge extends ShareLinkError {}

  function toBase64Url(bytes) {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function fromBase64Url(text) {
    if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1)
      throw new ShareLinkError('the link is not valid base64url');
    let b64 = text.replace(/-/g, '+').replace(/_/g, '/');
    while (b64.length % 4) b64 += '=';
    const binary = atob(b64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  async function through(bytes, stream) {
    return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
  }
  // A stream's bytes, read as they come and stopped past `cap` (TooLarge, naming `what`).
  async function readCapped(stream, what, cap = kModelBytes) {
    const reader = stream.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > cap) {
        reader.cancel().catch(() => {});
        throw new TooLarge(what + ' is over 5 MB; a model file is at most 5 MB');
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const c of chunks) { bytes.set(c, offset); offset += c.length; }
    return bytes;
  }
  // The part after #model= for a model's text.
  async function packModel(modelJsonText) {
    return toBase64Url(await through(new TextEncoder().encode(modelJsonText), new CompressionStream('deflate-raw')));
  }
  // The model's text from the part after #model=; `cap` (bytes inflated) is for tests.
  async function unpackModel(packed, cap = kModelBytes) {
    const bytes = fromBase64Url(packed);
    let text;
    try {
      text = await readCapped(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')),
                              'the link\'s questionnaire', cap);
    } catch (e) {
      if (e instanceof TooLarge) throw e;
      throw new ShareLinkError('the link is damaged or cut short (its data does not decompress)');
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(text);
    } catch (e) {
      throw new ShareLinkError('the link\'s questionnaire is not UTF-8 text');
    }
  }

  const api = { kModelBytes, ShareLinkError, TooLarge, toBase64Url, fromBase64Url, readCapped, packModel, unpackModel };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.ahpShareLinks = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
