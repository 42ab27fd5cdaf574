// sastrawijs ships its types (dist/stemmer.d.ts) but its package.json `exports` does not name them.
declare module 'sastrawijs' {
  export class Stemmer {
    constructor(dictionary?: string[]);
    /** whether the word is a root of the dictionary */
    find(word: string): boolean;
    /** the word's root, when its affixes lead to one; else the word */
    stem(word: string): string;
  }
}
