// Hiding the password of a database URL wherever one is shown: error messages of the server, the
// client's tooltips and confirmations. One implementation for both sides; pure, so the client can
// import it without the database reader.

/**
 * The URL with its password replaced by `***` (as SQLAlchemy's `obfuscate_url_pw` shows it), also in
 * a `password=` query option. Works on text that does not parse, too: it is used in error messages.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/^([^:/?#]+:\/\/[^:/]*:)[^@]*@/s, '$1***@')
    .replace(/([?&](?:password|passwd)=)[^&]*/gi, '$1***');
}
