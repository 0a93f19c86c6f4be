// Public pages ship no JavaScript: plain HTML forms, fast on a weak connection.
export const csr = false;
