import type { ComponentChildren } from 'preact';

/** Named facts of a record, a grid of term and value that reflows on a narrow screen. */
export function Facts(props: { children: ComponentChildren }) {
  return <dl class="facts">{props.children}</dl>;
}

export function Fact(props: { term: string; value: string }) {
  return (
    <div>
      <dt>{props.term}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}
