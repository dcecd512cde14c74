/**
 * Shown when the app cannot start at all (a wrong settings file): plain DOM, because Lightning is not
 * running yet, in large type so the field engineer can read it from the sofa. Also logged to the console.
 */
import { t } from './i18n/strings'

export function showBootError(title: string, detail: string): void {
  console.error(`${title}: ${detail}`)
  const box = document.createElement('div')
  box.setAttribute('role', 'alert')
  box.setAttribute('data-testid', 'boot-error')
  box.style.cssText =
    'position:fixed;inset:0;padding:5% 5%;background:#0a1628;color:#fff;font:36px/1.5 sans-serif;'
  const heading = document.createElement('h1')
  heading.style.cssText = 'font-size:56px;margin:0 0 32px'
  heading.textContent = title
  const body = document.createElement('p')
  body.textContent = detail
  const hint = document.createElement('p')
  hint.textContent = t('error.body')
  box.append(heading, body, hint)
  document.body.appendChild(box)
}
