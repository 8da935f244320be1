/** The longest side of a photo sent from the field: enough to see a house, small enough for a weak signal. */
const MAX_SIDE = 1600;

/**
 * A phone's camera photo (often 4-12 MB) made into a JPEG of at most MAX_SIDE pixels, so it fits the
 * server's 5 MB limit and the phone's storage while it waits for a signal. A file the browser cannot
 * decode is kept as it is; the server checks what it receives.
 */
export async function shrinkPhoto(file: File): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file;
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  if (scale === 1 && file.type === 'image/jpeg') {
    bitmap.close();
    return file;
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82));
  return blob ?? file;
}
