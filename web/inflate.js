// Inflate: raw deflate data (RFC 1951) to bytes, in plain JavaScript. The survey's program is
// deflated inside its page (cmake/inline_program.py); web/index.html inflates it with the
// browser's DecompressionStream as it arrives, and with this where that cannot serve: a browser
// without 'deflate-raw' (Safari before 16.4), and a call into the program's second part before
// it is compiled, which must have its bytes at once (a stream is asynchronous).
// cmake/SingleFile.cmake inlines this file at the ahp:inflate marker of web/index.html;
// tests/web/inflate.test.mjs runs it under Node against zlib.
(function (root) {
  'use strict';
  // RFC 1951, 3.2.5: the base and extra bits of lengths (codes 257..285) and distances (0..29).
  const kLengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
                       131, 163, 195, 227, 258];
  const kLengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  const kDistanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
                         1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
  const kDistanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12,
                          12, 13, 13];
  // RFC 1951, 3.2.7: the order in which a dynamic block gives the code length code's lengths.
  const kCodeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

  class InflateError extends Error {}

  // A canonical Huffman code (RFC 1951, 3.2.2) as one table indexed by the next `bits` bits of
  // the stream (codes are read from the low bit up, so each code indexes it reversed); an entry
  // is symbol << 4 | the code's length, 0 where no code starts (an incomplete code).
  function huffmanTable(lengths) {
    const counts = new Uint16Array(16);
    let bits = 0;
    for (const length of lengths) {
      ++counts[length];
      if (length > bits) bits = length;
    }
    counts[0] = 0;
    let left = 1;
    for (let length = 1; length < 16; ++length) {
      left = 2 * left - counts[length];
      if (left < 0) throw new InflateError('a Huffman code has too many codes of one length');
    }
    const next = new Uint16Array(16);
    for (let length = 1, code = 0; length < 16; ++length) next[length] = code = (code + counts[length - 1]) << 1;
    const table = new Uint16Array(1 << bits);
    lengths.forEach((length, symbol) => {
      if (!length) return;
      let code = next[length]++, reversed = 0;
      for (let k = 0; k < length; ++k, code >>= 1) reversed = (reversed << 1) | (code & 1);
      for (let at = reversed; at < table.length; at += 1 << length) table[at] = (symbol << 4) | length;
    });
    return { table, bits };
  }

  // RFC 1951, 3.2.6: the codes of a block compressed with fixed Huffman codes.
  let fixedCodes = null;
  function fixed() {
    if (!fixedCodes) {
      const literals = new Uint8Array(288).fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
      fixedCodes = { literals: huffmanTable(literals), distances: huffmanTable(new Uint8Array(30).fill(5)) };
    }
    return fixedCodes;
  }

  // The `size` bytes that the raw deflate data `input` (a Uint8Array) holds; an InflateError
  // names what is wrong when it is damaged, cut short or holds another number of bytes.
  function inflate(input, size) {
    const output = new Uint8Array(size);
    let written = 0;
    let at = 0, buffer = 0, buffered = 0;  // the next bytes of input, from the low bit up
    // Past its end, input reads as zero bytes (a code may be shorter than the table's index);
    // whether the data really went that far is checked at its end.
    function need(count) {
      while (buffered < count) {
        if (at > input.length + 4) throw new InflateError('the data is cut short');
        buffer |= (at < input.length ? input[at] : 0) << buffered;
        ++at;
        buffered += 8;
      }
    }
    function take(count) {
      need(count);
      const value = buffer & ((1 << count) - 1);
      buffer >>>= count;
      buffered -= count;
      return value;
    }
    function decode(code) {
      need(code.bits);
      const entry = code.table[buffer & ((1 << code.bits) - 1)];
      if (!entry) throw new InflateError('the data holds a code its block does not define');
      buffer >>>= entry & 15;
      buffered -= entry & 15;
      return entry >> 4;
    }
    function dynamic() {  // RFC 1951, 3.2.7
      const literalCount = take(5) + 257, distanceCount = take(5) + 1, lengthCodeCount = take(4) + 4;
      if (literalCount > 286 || distanceCount > 30) throw new InflateError('a block has too many codes');
      const lengthCodeLengths = new Uint8Array(19);
      for (let k = 0; k < lengthCodeCount; ++k) lengthCodeLengths[kCodeLengthOrder[k]] = take(3);
      const lengthCode = huffmanTable(lengthCodeLengths);
      const lengths = new Uint8Array(literalCount + distanceCount);
      for (let k = 0; k < lengths.length;) {
        const symbol = decode(lengthCode);
        if (symbol < 16) {
          lengths[k++] = symbol;
          continue;
        }
        let repeated = 0, times;
        if (symbol === 16) {
          if (k === 0) throw new InflateError('a block repeats a code length before the first');
          repeated = lengths[k - 1];
          times = 3 + take(2);
        } else {
          times = symbol === 17 ? 3 + take(3) : 11 + take(7);
        }
        if (k + times > lengths.length) throw new InflateError('a block has more code lengths than codes');
        lengths.fill(repeated, k, k + times);
        k += times;
      }
      if (!lengths[256]) throw new InflateError('a block has no code for its end');
      return { literals: huffmanTable(lengths.subarray(0, literalCount)),
               distances: huffmanTable(lengths.subarray(literalCount)) };
    }

    for (let last = 0; !last;) {
      last = take(1);
      const type = take(2);
      if (type === 0) {  // stored (RFC 1951, 3.2.4): from the next byte boundary
        take(buffered & 7);
        const length = take(16);
        if (length !== (~take(16) & 0xFFFF)) throw new InflateError('a stored block\'s length is damaged');
        if (written + length > size) throw new InflateError('the data holds more than ' + size + ' bytes');
        for (let k = 0; k < length; ++k) output[written++] = take(8);
        continue;
      }
      if (type === 3) throw new InflateError('a block has an unknown type');
      const codes = type === 1 ? fixed() : dynamic();
      for (;;) {
        const symbol = decode(codes.literals);
        if (symbol < 256) {
          if (written === size) throw new InflateError('the data holds more than ' + size + ' bytes');
          output[written++] = symbol;
          continue;
        }
        if (symbol === 256) break;
        if (symbol > 285) throw new InflateError('the data holds an unknown length code');
        const length = kLengthBase[symbol - 257] + take(kLengthExtra[symbol - 257]);
        const distanceCode = decode(codes.distances);
        if (distanceCode > 29) throw new InflateError('the data holds an unknown distance code');
        const distance = kDistanceBase[distanceCode] + take(kDistanceExtra[distanceCode]);
        if (distance > written) throw new InflateError('the data refers back past its start');
        if (written + length > size) throw new InflateError('the data holds more than ' + size + ' bytes');
        for (let k = 0; k < length; ++k, ++written) output[written] = output[written - distance];
      }
    }
    if (8 * at - buffered > 8 * input.length) throw new InflateError('the data is cut short');
    if (written !== size) throw new InflateError('the data holds ' + written + ' bytes, not ' + size);
    return output;
  }

  const api = { inflate, InflateError };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.ahpInflate = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
