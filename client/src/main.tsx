import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { client } from './apollo/client';
import { router } from './app/router';
import { restoreSession } from './hooks/useMe';
import { initI18n } from './i18n';
import './styles.css';

async function start(): Promise<void> {
  await initI18n();
  void restoreSession();
  const container = document.getElementById('root');
  if (!container) throw new Error('CoopLink needs a #root element');
  createRoot(container).render(
    <StrictMode>
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </StrictMode>,
  );
}

void start();
