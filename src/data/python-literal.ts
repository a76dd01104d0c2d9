// A parser for the Python literals a .npy header holds: dicts, tuples, lists, strings, integers,
// True/False/None. Tuples and lists both become arrays; trailing commas are allowed.

type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

/** Parses one Python literal; throws a plain Error saying what was expected where. */
export function parsePythonLiteral(text: string): PyValue {
  const parser = new LiteralParser(text);
  const value = parser.value();
  parser.end();
  return value;
}

class LiteralParser {
  private at = 0;
  constructor(private readonly text: string) {}

  value(): PyValue {
    this.skipSpace();
    const ch = this.text[this.at];
    if (ch === '{') return this.dict();
    if (ch === '(') return this.sequence(')');
    if (ch === '[') return this.sequence(']');
    if (ch === "'" || ch === '"') return this.string();
    const word = /^(True|False|None|[+-]?\d+)/.exec(this.text.slice(this.at));
    if (word === null) throw this.expected('a value');
    this.at += word[0].length;
    if (word[0] === 'True' || word[0] === 'False') return word[0] === 'True';
    return word[0] === 'None' ? null : Number(word[0]);
  }

  end(): void {
    this.skipSpace();
    if (this.at !== this.text.length) throw this.expected('the end');
  }

  private dict(): { [key: string]: PyValue } {
    const out: { [key: string]: PyValue } = {};
    this.at++; // '{'
    while (!this.closes('}')) {
      this.skipSpace();
      const key = this.string();
      this.expect(':');
      out[key] = this.value();
      if (!this.comma('}')) break;
    }
    this.expect('}');
    return out;
  }

  private sequence(close: string): PyValue[] {
    const out: PyValue[] = [];
    this.at++; // '(' or '['
    while (!this.closes(close)) {
      out.push(this.value());
      if (!this.comma(close)) break;
    }
    this.expect(close);
    return out;
  }

  private string(): string {
    const quote = this.text[this.at];
    if (quote !== "'" && quote !== '"') throw this.expected('a quoted string');
    const end = this.text.indexOf(quote, this.at + 1);
    if (end < 0) throw this.expected(`a closing ${quote}`);
    const value = this.text.slice(this.at + 1, end);
    this.at = end + 1;
    return value;
  }

  /** Consumes a comma if present; true when another item may follow. */
  private comma(close: string): boolean {
    this.skipSpace();
    if (this.text[this.at] === ',') {
      this.at++;
      return true;
    }
    if (this.text[this.at] !== close) throw this.expected(`',' or '${close}'`);
    return false;
  }

  private closes(close: string): boolean {
    this.skipSpace();
    return this.text[this.at] === close;
  }

  private expect(ch: string): void {
    this.skipSpace();
    if (this.text[this.at] !== ch) throw this.expected(`'${ch}'`);
    this.at++;
  }

  private skipSpace(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at])) this.at++;
  }

  private expected(what: string): Error {
    return new Error(`expected ${what} at character ${this.at}`);
  }
}
