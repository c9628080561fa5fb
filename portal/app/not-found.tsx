import Link from 'next/link';
import { buttonClass } from '@/components/button';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-zinc-900">Page not found</h1>
      <p className="mt-3 text-zinc-600">The page you asked for does not exist, or you do not have access to it.</p>
      <div className="mt-8 flex justify-center gap-3">
        <Link href="/" className={buttonClass('primary')}>
          Browse APIs
        </Link>
        <Link href="/apps" className={buttonClass('secondary')}>
          Your applications
        </Link>
      </div>
    </div>
  );
}
