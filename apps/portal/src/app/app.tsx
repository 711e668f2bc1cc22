import { ApolloProvider } from '@apollo/client/react';
import { createTheme, MantineProvider } from '@mantine/core';
import { RouterProvider } from 'react-router-dom';
import { createApolloClient } from './apollo/create-client';
import { AuthProvider } from './auth/auth-context';
import { router } from './routing/router';

const client = createApolloClient();

const theme = createTheme({
  primaryColor: 'indigo',
  // Always show the focus ring for keyboard users, never for mouse clicks.
  focusRing: 'auto',
  defaultRadius: 'md',
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <ApolloProvider client={client}>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </ApolloProvider>
    </MantineProvider>
  );
}
