import { createBrowserRouter } from 'react-router';
import { AppLoading, Root } from '../routes/root';
import { RouteError } from './RouteError';

// Every screen is its own chunk: a cooperative manager on a phone downloads the
// catalogue code only when opening the catalogue.
export const router = createBrowserRouter([
  {
    path: '/',
    Component: Root,
    ErrorBoundary: RouteError,
    HydrateFallback: AppLoading,
    children: [
      { index: true, ErrorBoundary: RouteError, lazy: () => import('../routes/index') },
      {
        path: 'products',
        ErrorBoundary: RouteError,
        children: [
          { index: true, lazy: () => import('../routes/products/index') },
          { path: ':productId', lazy: () => import('../routes/products/[productId]') },
        ],
      },
      {
        path: 'cooperatives/:cooperativeId',
        ErrorBoundary: RouteError,
        lazy: () => import('../routes/cooperatives/[cooperativeId]'),
      },
      {
        path: 'businesses/:businessId',
        ErrorBoundary: RouteError,
        lazy: () => import('../routes/businesses/[businessId]'),
      },
      {
        path: 'fairs',
        ErrorBoundary: RouteError,
        children: [
          { index: true, lazy: () => import('../routes/fairs/index') },
          { path: 'new', lazy: () => import('../routes/fairs/new') },
          { path: ':fairId', lazy: () => import('../routes/fairs/[fairId]') },
          { path: ':fairId/meetings/:meetingId', lazy: () => import('../routes/fairs/[fairId].meetings.[meetingId]') },
          { path: ':fairId/tables/:table', lazy: () => import('../routes/fairs/[fairId].tables.[table]') },
        ],
      },
      {
        path: 'needs',
        ErrorBoundary: RouteError,
        children: [
          { index: true, lazy: () => import('../routes/needs/index') },
          { path: 'new', lazy: () => import('../routes/needs/new') },
          { path: ':needId', lazy: () => import('../routes/needs/[needId]') },
          { path: ':needId/matches', lazy: () => import('../routes/needs/[needId].matches') },
        ],
      },
      { path: 'linkages/:linkageId', ErrorBoundary: RouteError, lazy: () => import('../routes/linkages/[linkageId]') },
      { path: 'login', ErrorBoundary: RouteError, lazy: () => import('../routes/login') },
      { path: 'register', ErrorBoundary: RouteError, lazy: () => import('../routes/register') },
      {
        path: 'my',
        ErrorBoundary: RouteError,
        children: [
          { path: 'inbox', lazy: () => import('../routes/my/inbox') },
          { path: 'needs', lazy: () => import('../routes/my/needs') },
          { path: 'linkages', lazy: () => import('../routes/my/linkages') },
          { path: 'account', lazy: () => import('../routes/my/account') },
          {
            path: 'products',
            children: [
              { index: true, lazy: () => import('../routes/my/products/index') },
              { path: 'new', lazy: () => import('../routes/my/products/new') },
              { path: ':productId/edit', lazy: () => import('../routes/my/products/[productId].edit') },
              { path: ':productId/lots', lazy: () => import('../routes/my/products/[productId].lots') },
            ],
          },
        ],
      },
      {
        path: 'staff',
        ErrorBoundary: RouteError,
        children: [
          { path: 'verification', lazy: () => import('../routes/staff/verification') },
          { path: 'oversight', lazy: () => import('../routes/staff/oversight') },
          { path: 'audit', lazy: () => import('../routes/staff/audit') },
          { path: 'cooperatives/:cooperativeId', lazy: () => import('../routes/staff/cooperative-oversight') },
          { path: 'recall', lazy: () => import('../routes/staff/recall') },
        ],
      },
      { path: '*', lazy: () => import('../routes/not-found') },
    ],
  },
]);
