/**
 * Every route in one table. Data reaches pages here, in route hooks; pages never fetch.
 * Deep links: #notices, #notices/{id}, #guides, #guides/{id}, #progress, #hotlines, #about.
 */
import type { Router } from '@lightningjs/sdk'
import { services } from './services'
import { Home } from './screens/Home'
import { ErrorPage, NotFound } from './screens/MessagePage'

type PageClass<P> = new (...args: never[]) => P

/** One typed cast, here, instead of one per hook: the Router hands hooks the page it created. */
function route<P>(
  path: string,
  component: PageClass<P>,
  on?: (page: P, params: Record<string, string>) => Promise<void>,
): Router.RouteDefinition {
  const definition = { path, component, ...(on ? { on } : {}) }
  return definition as unknown as Router.RouteDefinition
}

export function routes(): Router.Config {
  return {
    root: 'home',
    routes: [
      route('home', Home, async (page) => {
        const { repository, now } = services()
        page.onFeed(repository.index(), repository.status(), now())
      }),
      route('*', NotFound),
      route('!', ErrorPage),
    ],
  }
}
