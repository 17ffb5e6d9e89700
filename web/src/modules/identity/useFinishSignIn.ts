import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import type { Me } from './api';
import { acceptSession } from './queries';
import { destinationOf, HOME } from './returnTo';

/** After sign-in or registration: remember who is signed in, then go where the person was headed. */
export function useFinishSignIn(): (me: Me) => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (me) => {
    acceptSession(queryClient, me);
    const destination = destinationOf(params.get('returnTo'), me.kind === 'staff' ? HOME.staff : HOME.person);
    if (destination.kind === 'document') window.location.assign(destination.href);
    else void navigate(destination.to, { replace: true });
  };
}

/** 138****5678: how the page repeats a number back (the server masks the same way). */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
