import { AppError } from '../../server/errors.ts';

export const invalidCredentials = () =>
  new AppError(
    401,
    'invalid_credentials',
    'Nama pengguna atau kata sandi salah',
    'Wrong username or password',
  );

export const accountLocked = (until: Date) =>
  new AppError(
    423,
    'account_locked',
    `Akun dikunci sementara karena terlalu banyak kata sandi salah; coba lagi setelah ${until.toISOString()} atau hubungi admin`,
    `The account is locked after too many wrong passwords; try again after ${until.toISOString()} or ask an admin`,
    { locked_until: until.toISOString() },
  );

export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', 'Silakan masuk terlebih dahulu', 'Please log in first');

export const sessionExpired = () =>
  new AppError(
    401,
    'session_expired',
    'Sesi telah berakhir; silakan masuk lagi',
    'The session has ended; log in again',
  );

export const csrfInvalid = () =>
  new AppError(
    403,
    'csrf_invalid',
    'Token CSRF tidak ada atau tidak cocok; muat ulang halaman',
    'Missing or wrong CSRF token; reload the page',
  );

export const sessionRequired = () =>
  new AppError(
    403,
    'session_required',
    'Tindakan ini hanya bisa dilakukan setelah masuk dengan kata sandi, bukan dengan token API',
    'This action needs a password login, not an API token',
  );
