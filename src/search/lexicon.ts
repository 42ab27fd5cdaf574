import { Stemmer } from 'sastrawijs';
import { searchForm } from '../reference/geography';
import { parseThesaurus, THESAURUS, type Thesaurus } from './thesaurus';

/**
 * Which typed words are words: an Indonesian root of the KBBI or a form of one
 * (the dictionary and the affix rules of Sastrawi, a kept stemmer), or a term
 * of the thesaurus (its abbreviations and English). The typo fallback corrects
 * only what is not a word: "kapas" (cotton) is never turned into "kapal", nor
 * "bandeng" (milkfish) into "Bandung", when the catalogue lacks them.
 */
let stemmer: Stemmer | null = null;

function thesaurusWords(t: Thesaurus): Set<string> {
  const words = new Set<string>([...t.stop, ...t.optional]);
  for (const [term, list] of t.expansions)
    for (const phrase of [term, ...list]) for (const w of phrase.split(' ')) words.add(w);
  return words;
}

const DEFAULT_WORDS = thesaurusWords(parseThesaurus(THESAURUS, searchForm));

export function isKnownWord(word: string, known: ReadonlySet<string> = DEFAULT_WORDS): boolean {
  if (known.has(word)) return true;
  stemmer ??= new Stemmer();
  return stemmer.find(word) || stemmer.find(stemmer.stem(word));
}
