import { redirect } from 'next/navigation';

/** Environments are managed on the fleet page, next to the gateways that serve them. */
export default function EnvironmentsPage() {
  redirect('/admin/gateways#environments');
}
