import { LEGEND } from '../shared/palette';

/** What the highlight colours mean. */
export function Legend() {
  return (
    <section aria-labelledby="legend-title">
      <h2 id="legend-title">Highlights</h2>
      <ul class="legend">
        {LEGEND.map((e) => (
          <li key={e.label}>
            <span
              class="swatch"
              aria-hidden="true"
              style={`background: rgba(${e.rgb}, 0.2); box-shadow: ${e.underline ? `inset 0 -2px 0 rgb(${e.rgb})` : 'none'}`}
            >
              Aa
            </span>
            {e.label}
          </li>
        ))}
      </ul>
    </section>
  );
}
