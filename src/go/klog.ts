// klog's line header, as kubectl's -v output carries it: `I1125 10:27:08.052963   26449 file.go:560] `.

export function klogPrefix(now: number, source: string): string {
  const d = new Date(now);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `I${p(d.getMonth() + 1)}${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}000 ${String(process.pid).padStart(7)} ${source}] `;
}
