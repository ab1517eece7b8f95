import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from './api/client';
import type { Session } from './auth';

export interface SessionContextValue {
  session: Session;
  api: ApiClient;
}

export const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in console');
  return value;
}

export const isManager = (session: Session) =>
  session.roles.some((role) => role === 'manager' || role === 'admin');
