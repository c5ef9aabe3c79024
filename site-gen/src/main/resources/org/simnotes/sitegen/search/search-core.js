// Search terms and ranking: the browser's copy of the generator's Segmenter and SearchQuery
// (org.simnotes.sitegen.search), which explain the rules. A browser test holds this file and the Java
// code to the same tokens and the same hits, so change both together.
(function () {
  'use strict';
  var SEPARATOR = 0, HAN = 1, WORD = 2;
  var HAN_CHAR = /\p{Script=Han}/u, WORD_CHAR = /[\p{L}\p{Nd}]/u;
  var UPPER = /\p{Uppercase}/u, LOWER = /\p{Lowercase}/u;
  var kinds = new Map();

  function kind(cp) {
    var k = kinds.get(cp);
    if (k === undefined) {
      var c = String.fromCodePoint(cp);
      k = HAN_CHAR.test(c) ? HAN : WORD_CHAR.test(c) ? WORD : SEPARATOR;
      kinds.set(cp, k);
    }
    return k;
  }

  // The NFKC-folded code points of a text, each with the span of the original it came from.
  function units(text) {
    var u = { cp: [], start: [], end: [], kind: [] };
    function add(c, from, to) {
      u.cp.push(c); u.start.push(from); u.end.push(to); u.kind.push(kind(c));
    }
    for (var i = 0; i < text.length;) {
      var c = text.codePointAt(i);
      var next = i + (c > 0xFFFF ? 2 : 1);
      if (c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF)) {
        add(c, i, next);
      } else {
        var folded = text.slice(i, next).normalize('NFKC');
        for (var k = 0; k < folded.length;) {
          var f = folded.codePointAt(k);
          add(f, i, next);
          k += f > 0xFFFF ? 2 : 1;
        }
      }
      i = next;
    }
    return u;
  }

  function token(u, from, to) {
    return { term: String.fromCodePoint.apply(null, u.cp.slice(from, to)).toLowerCase(), start: u.start[from], end: u.end[to - 1] };
  }

  function han(u, from, to, out) {
    if (to - from === 1) out.push(token(u, from, to));
    for (var i = from; i + 1 < to; i++) out.push(token(u, i, i + 2));
  }

  function word(u, from, to, index, out) {
    out.push(token(u, from, to));
    if (!index) return;
    var part = from;
    for (var i = from + 1; i < to; i++) {
      if (LOWER.test(String.fromCodePoint(u.cp[i - 1])) && UPPER.test(String.fromCodePoint(u.cp[i]))) {
        out.push(token(u, part, i));
        part = i;
      }
    }
    if (part > from) out.push(token(u, part, to));
  }

  function scan(text, index) {
    var u = units(text), out = [];
    for (var i = 0; i < u.cp.length;) {
      var k = u.kind[i], j = i + 1;
      while (j < u.cp.length && u.kind[j] === k) j++;
      if (k === HAN) han(u, i, j, out);
      else if (k === WORD) word(u, i, j, index, out);
      i = j;
    }
    return out;
  }

  function tokens(text) {
    return scan(text, true);
  }

  function queryTerms(query) {
    var seen = [];
    scan(query, false).forEach(function (t) {
      if (seen.indexOf(t.term) < 0) seen.push(t.term);
    });
    return seen;
  }

  function matchesAsPrefix(term) {
    return term.length >= 2 && kind(term.codePointAt(0)) === WORD;
  }

  function isHanCharacter(term) {
    return term.length === String.fromCodePoint(term.codePointAt(0)).length && kind(term.codePointAt(0)) === HAN;
  }

  function lowerBound(list, term) {
    var lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (list[mid] < term) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // The site's index from its manifest and parts as shipped (see SearchScripts and
  // SearchIndex.toPart): the parts' docs and sections numbered on from the parts before; each part
  // keeps its own terms and postings, which queries look up part by part, so loading the index
  // builds nothing per term.
  function combine(manifest, parts) {
    var docs = [], sections = [], shards = [];
    parts.forEach(function (part) {
      var firstDoc = docs.length, firstSection = sections.length;
      part.docs.forEach(function (d) { docs.push([d[0], d[1], d[2] + firstSection]); });
      part.sections.forEach(function (s) { sections.push([s[0] + firstDoc, s[1], s[2], s[3]]); });
      shards.push({ firstSection: firstSection, packedTerms: part.terms, terms: null, postings: part.postings });
    });
    return { ranking: manifest.ranking, idfByDocs: manifest.idfByDocs, docs: docs, sections: sections, parts: shards };
  }

  // A part's sorted terms, split on first use.
  function termsOf(shard) {
    if (!shard.terms) shard.terms = shard.packedTerms ? shard.packedTerms.split(' ') : [];
    return shard.terms;
  }

  // The index terms a query term matches, as SearchIndex.matches finds them in the whole index: itself,
  // then in order the first prefixLimit longer words it starts, or for one Han character every pair
  // holding it. A part's first prefixLimit are enough: the whole index's first are among them.
  function matches(index, term) {
    var exact = false, others = new Set(), prefix = matchesAsPrefix(term), han = !prefix && isHanCharacter(term);
    index.parts.forEach(function (shard) {
      var terms = termsOf(shard), i = lowerBound(terms, term);
      if (terms[i] === term) {
        exact = true;
        i++;
      }
      if (prefix) {
        for (var n = 0; i < terms.length && n < index.ranking.prefixLimit && terms[i].startsWith(term); i++, n++) others.add(terms[i]);
      } else if (han) {
        for (var k = 0; k < terms.length; k++) {
          if (terms[k] !== term && (terms[k].startsWith(term) || terms[k].endsWith(term))) others.add(terms[k]);
        }
      }
    });
    // The default order compares UTF-16 units, as Java's String.compareTo does.
    var sorted = Array.from(others).sort();
    if (prefix) sorted = sorted.slice(0, index.ranking.prefixLimit);
    var out = exact ? [{ term: term, exact: true }] : [];
    sorted.forEach(function (t) { out.push({ term: t, exact: false }); });
    return out;
  }

  // A term's postings as triples [section, flags, count, …], unpacked from each part holding it.
  function postings(index, term) {
    var triples = [];
    index.parts.forEach(function (shard) {
      var terms = termsOf(shard), at = lowerBound(terms, term);
      if (terms[at] !== term) return;
      var packed = shard.postings[at], section = shard.firstSection, numbers = [], n = 0;
      for (var i = 0; i < packed.length; i++) {
        var c = packed.charCodeAt(i);
        if (c >= 93) {
          n = n * 32 + c - 93;
        } else {
          numbers.push(n * 32 + c - 35);
          n = 0;
        }
      }
      for (var j = 0; j < numbers.length; j += 2) {
        section += numbers[j];
        triples.push(section, numbers[j + 1] & 7, numbers[j + 1] >> 3);
      }
    });
    return triples;
  }

  function idf(index, p) {
    var docs = 0, last = -1;
    for (var i = 0; i < p.length; i += 3) {
      if (index.sections[p[i]][0] !== last) {
        docs++;
        last = index.sections[p[i]][0];
      }
    }
    return index.idfByDocs[docs - 1];
  }

  function zeros(n) {
    return new Array(n).fill(0);
  }

  // Topics holding every query term, best first: [{doc, section, score}].
  function search(index, query) {
    var terms = queryTerms(query), rank = index.ranking, sections = index.sections;
    var docCount = index.docs.length;
    var docScore = zeros(docCount), docTerms = zeros(docCount), sectionScore = zeros(sections.length);
    function fieldWeight(flags) {
      return (flags & 1 ? rank.title : 0) + (flags & 2 ? rank.tag : 0) + (flags & 4 ? rank.heading : 0);
    }
    terms.forEach(function (term) {
      var bestInDoc = zeros(docCount), bestInSection = zeros(sections.length);
      matches(index, term).forEach(function (m) {
        var p = postings(index, m.term), weight = idf(index, p) * (m.exact ? rank.exact : 1), i = 0;
        while (i < p.length) {
          var doc = sections[p[i]][0], flags = 0, count = 0;
          for (; i < p.length && sections[p[i]][0] === doc; i += 3) {
            flags |= p[i + 1];
            count += p[i + 2];
            var s = weight * (fieldWeight(p[i + 1]) + Math.min(p[i + 2], rank.bodyCap));
            bestInSection[p[i]] = Math.max(bestInSection[p[i]], s);
          }
          bestInDoc[doc] = Math.max(bestInDoc[doc], weight * (fieldWeight(flags) + Math.min(count, rank.bodyCap)));
        }
      });
      for (var d = 0; d < docCount; d++) {
        if (bestInDoc[d] > 0) {
          docScore[d] += bestInDoc[d];
          docTerms[d]++;
        }
      }
      for (var s = 0; s < sections.length; s++) sectionScore[s] += bestInSection[s];
    });
    var hits = [];
    for (var d = 0; d < docCount; d++) {
      if (terms.length && docTerms[d] === terms.length) {
        hits.push({ doc: d, section: bestSection(index, d, sectionScore), score: docScore[d] });
      }
    }
    return hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
  }

  function bestSection(index, doc, sectionScore) {
    var head = index.docs[doc][2], best = head;
    var end = doc + 1 < index.docs.length ? index.docs[doc + 1][2] : index.sections.length;
    for (var s = head + 1; s < end; s++) {
      if (sectionScore[s] > sectionScore[best] || (best === head && sectionScore[s] > 0)) best = s;
    }
    return best;
  }

  // The spans of a text a query matched, sorted and merged: [[start, end], …]. A one-character
  // query marks that character in the pairs holding it.
  function ranges(text, terms) {
    var found = [];
    tokens(text).forEach(function (t) {
      terms.forEach(function (q) {
        if (t.term === q || (matchesAsPrefix(q) && t.term.startsWith(q))) {
          found.push([t.start, t.end]);
        } else if (isHanCharacter(q) && t.term !== q) {
          var first = String.fromCodePoint(text.codePointAt(t.start)).length;
          var last = /[\uDC00-\uDFFF]/.test(text.charAt(t.end - 1)) ? 2 : 1;
          if (t.term.startsWith(q)) found.push([t.start, t.start + first]);
          if (t.term.endsWith(q)) found.push([t.end - last, t.end]);
        }
      });
    });
    found.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    found.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push(r);
    });
    return merged;
  }

  window.SimNotesSearch = { tokens: tokens, queryTerms: queryTerms, combine: combine, search: search, ranges: ranges };
})();
