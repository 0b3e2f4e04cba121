/** A manager's email and password fields, as set-up and manager mode ask for them. */
export function CredentialFields({
  email,
  password,
  onEmail,
  onPassword,
}: {
  email: string;
  password: string;
  onEmail: (email: string) => void;
  onPassword: (password: string) => void;
}) {
  return (
    <>
      <label>
        Manager email
        <input type="email" autoComplete="username" required value={email} onChange={(e) => onEmail(e.target.value)} />
      </label>
      <label>
        Password
        <input type="password" autoComplete="current-password" required value={password} onChange={(e) => onPassword(e.target.value)} />
      </label>
    </>
  );
}
