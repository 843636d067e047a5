import type { ActorAnnotation } from '../../core/types';
import type { MentionsByOutlet, Result } from '../../messages';
import { spellingVariants } from '../../core/match/spelling';
import { linkToSentence } from '../../shared/text-fragment';
import { useAnswer } from '../use-answer';
import { ADD_MORE, Answered, Empty, OutLink, clip, dateText } from './common';

export interface PageActor {
  id: string;
  label: string;
  type: string;
  /** How often, and in which spellings, the page names it. */
  mentions: number;
  forms: string[];
}

/** The page's actors with an id, most mentioned first (role descriptions left out: they repeat a named actor). */
export function pageActors(annotations: readonly { kind: string }[]): PageActor[] {
  const byId = new Map<string, PageActor>();
  for (const a of annotations as ActorAnnotation[]) {
    if (a.kind !== 'actor' || !a.actorId || a.via === 'role') continue;
    const actor = byId.get(a.actorId) ?? {
      id: a.actorId,
      label: a.label,
      type: a.actorType.replace('_', ' '),
      mentions: 0,
      forms: [],
    };
    actor.mentions++;
    if (!actor.forms.includes(a.text)) actor.forms.push(a.text);
    byId.set(a.actorId, actor);
  }
  return [...byId.values()].sort((a, b) => b.mentions - a.mentions || a.label.localeCompare(b.label));
}

type MentionsOf = (actorId: string) => Promise<Result<MentionsByOutlet[]>>;

/** Every actor on the page and what each other outlet wrote about it. */
export function ActorsView({ actors, mentionsOf }: { actors: PageActor[]; mentionsOf: MentionsOf }) {
  if (actors.length === 0) return <Empty>Crosswire found no named actors on this page.</Empty>;
  return (
    <ul class="actors">
      {actors.map((a) => (
        <ActorItem key={a.id} actor={a} mentionsOf={mentionsOf} />
      ))}
    </ul>
  );
}

function ActorItem({ actor, mentionsOf }: { actor: PageActor; mentionsOf: MentionsOf }) {
  const answer = useAnswer(() => mentionsOf(actor.id), [actor.id]);
  // A state's other names are words of their own ("Moscow", "Russian"), not spellings.
  const otherForms = (g: MentionsByOutlet) =>
    actor.type === 'state'
      ? []
      : spellingVariants(
          actor.forms,
          g.articles.flatMap((a) => a.forms),
        );
  const spelledDifferently = answer.state === 'ok' ? answer.value.filter((g) => otherForms(g).length > 0) : [];
  return (
    <li class="actor">
      <details>
        <summary>
          <strong>{actor.label}</strong>{' '}
          <span class="muted">
            {actor.type} · {actor.mentions}× here
          </span>
          {answer.state === 'ok' && (
            <span class="muted">
              {' '}
              ·{' '}
              {answer.value.length
                ? `${answer.value.length} other outlet${answer.value.length === 1 ? '' : 's'}`
                : 'no other outlet'}
            </span>
          )}
          {spelledDifferently.length > 0 && (
            <span class="flag">
              {' '}
              · spelled differently by {spelledDifferently.map((g) => g.outlet.name).join(', ')}
            </span>
          )}
        </summary>
        <p class="muted">Here: {actor.forms.join(', ')}</p>
        <Answered answer={answer} loading="Looking in the corpus…">
          {(groups) =>
            groups.length === 0 ? (
              <Empty>
                No other article in your corpus names {actor.label}. {ADD_MORE}
              </Empty>
            ) : (
              <ul class="outlets">
                {groups.map((g) => (
                  <li key={g.outlet.id}>
                    <p class="outlet">
                      {g.outlet.name}
                      {otherForms(g).length > 0 && (
                        <span class="flag">
                          {' '}
                          spells it “{otherForms(g).join('”, “')}” (here: “{actor.forms.join('”, “')}”)
                        </span>
                      )}
                    </p>
                    {g.articles.slice(0, 3).map((a) => (
                      <div key={a.articleId} class="item">
                        <p class="muted">
                          {dateText(a.published)}
                          {a.headline && ` · ${a.headline}`}
                        </p>
                        {a.sentences.slice(0, 2).map((s) => (
                          <p class="sentence">
                            <OutLink href={a.url && linkToSentence(a.url, s)}>{clip(s)}</OutLink>
                          </p>
                        ))}
                      </div>
                    ))}
                  </li>
                ))}
              </ul>
            )
          }
        </Answered>
      </details>
    </li>
  );
}
