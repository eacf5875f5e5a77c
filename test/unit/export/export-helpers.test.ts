// The small pieces the exports share: code point offsets, name-based UUIDs, XML escaping.
import { describe, expect, it } from 'vitest';
import { codePointLength, codePointOffsets, surrogatePairEnds } from '../../../shared/export/code-points';
import { uuidV5 } from '../../../shared/export/uuid';
import { xmlAttr, xmlText } from '../../../shared/export/xml';

describe('code point offsets', () => {
  it('maps UTF-16 offsets to code points after characters outside the BMP', () => {
    const text = 'a𠀋b😀c';
    const toCodePoints = codePointOffsets(surrogatePairEnds(text));
    for (let i = 0; i <= text.length; i++) {
      if (i === 2 || i === 5) continue; // inside a pair
      expect(toCodePoints(i)).toBe(Array.from(text.slice(0, i)).length);
    }
    expect(codePointLength(text)).toBe(5);
  });

  it('is the identity for BMP text, without scanning it twice', () => {
    expect(surrogatePairEnds('京津冀协同发展')).toEqual([]);
    expect(codePointOffsets([])(42)).toBe(42);
  });
});

describe('uuidV5', () => {
  it("matches RFC 9562 (and Python's uuid5) for standard namespaces", () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(uuidV5('https://例子.cn/𠀋', '6ba7b811-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '5212add5-50dd-5580-b5a4-2d0b51beba8e',
    );
  });

  it("is stable and distinct per name in Dossier's namespace", () => {
    expect(uuidV5('document:01ABC')).toBe(uuidV5('document:01ABC'));
    expect(uuidV5('document:01ABC')).not.toBe(uuidV5('selection:01ABC'));
  });
});

describe('XML escaping', () => {
  it('escapes markup and drops characters XML 1.0 cannot carry', () => {
    expect(xmlText('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(xmlText('bell\u0007 nul\u0000 ok\u000b\ud800')).toBe('bell nul ok');
    expect(xmlText('𠀋 tab\tline\n')).toBe('𠀋 tab\tline\n');
    expect(xmlAttr('say "hi"\n\tnow')).toBe('say &quot;hi&quot;&#10;&#9;now');
  });
});
