import { useNavigation } from 'react-router';

/** A thin bar while a route loads, so a slow connection never looks frozen. */
export function NavigationProgress() {
  const navigation = useNavigation();
  return <div className={navigation.state === 'idle' ? 'nav-progress' : 'nav-progress nav-progress-active'} aria-hidden="true" />;
}
