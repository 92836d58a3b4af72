import { useState, type FormEvent } from 'react';
import { useApp } from '../app/store';

/** Shown when the page was not opened from this machine: the token is on serve's second line. */
export function TokenPrompt() {
  const setToken = useApp((s) => s.setToken);
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) setToken(value.trim());
  };
  return (
    <main className="app-message">
      <h1>Control token needed</h1>
      <p>
        Paste the token that <code>mockmost serve</code> printed on its <code>control token:</code> line.
      </p>
      <form onSubmit={submit}>
        <input id="controlTokenInput" value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
        <button type="submit">Connect</button>
      </form>
    </main>
  );
}
