import type { PageActor } from '../../core/match/page-lists';
import type { MentionsByOutlet, Result } from '../../messages';
import { spellingVariants } from '../../core/match/spelling';
import { MentionsList } from '../../shared/ui/MentionsList';
import { useAnswer } from '../use-answer';
import { ADD_MORE, Answered, Empty, type Reveal, ShowOnPage } from './common';

type MentionsOf = (actorId: string) => Promise<Result<MentionsByOutlet[]>>;

/** Every actor on the page and what each other outlet wrote about it. */
export function ActorsView({
  actors,
  mentionsOf,
  reveal,
}: {
  actors: PageActor[];
  mentionsOf: MentionsOf;
  reveal?: Reveal;
}) {
  if (actors.length === 0) return <Empty>Crosswire found no named actors on this page.</Empty>;
  return (
    <ul class="actors">
      {actors.map((a) => (
        <ActorItem key={a.id} actor={a} mentionsOf={mentionsOf} {...(reveal && { reveal })} />
      ))}
    </ul>
  );
}

function ActorItem({ actor, mentionsOf, reveal }: { actor: PageActor; mentionsOf: MentionsOf; reveal?: Reveal }) {
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
        <p class="muted">
          Here: {actor.forms.join(', ')} <ShowOnPage reveal={reveal} kind="actor" id={actor.id} />
        </p>
        <Answered answer={answer} loading="Looking in the corpus…">
          {(groups) =>
            groups.length === 0 ? (
              <Empty>
                No other article in your corpus names {actor.label}. {ADD_MORE}
              </Empty>
            ) : (
              <MentionsList
                groups={groups}
                articlesPerOutlet={3}
                aboutOutlet={(g) =>
                  otherForms(g).length > 0 && (
                    <span class="flag">
                      {' '}
                      spells it “{otherForms(g).join('”, “')}” (here: “{actor.forms.join('”, “')}”)
                    </span>
                  )
                }
              />
            )
          }
        </Answered>
      </details>
    </li>
  );
}
