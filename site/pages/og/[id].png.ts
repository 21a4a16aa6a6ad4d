/**
 * The social preview images, made at build time: /og/home.png for the home page and
 * /og/<lesson>.png for each lesson (its number, title and a figure of it; site/og/).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedLessons } from '../../lib/lessons';
import { cardPng } from '../../og/card';
import { cardFigure } from '../../og/figures';

/** The home page's card title: the hero's heading. */
export const HOME_CARD_TITLE = 'How neural networks learn, computed in front of you';

interface Props {
  kicker: string;
  title: string;
}

export const getStaticPaths = (async () => {
  const lessons = await publishedLessons();
  return [
    { params: { id: 'home' }, props: { kicker: 'An interactive course', title: HOME_CARD_TITLE } },
    ...lessons.map((lesson, i) => ({ params: { id: lesson.id }, props: { kicker: `Lesson ${i + 1}`, title: lesson.data.title } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = async ({ params, props, site }) => {
  const png = await cardPng({ kicker: props.kicker, title: props.title, address: site?.host ?? 'Neural Notebook', figure: cardFigure(params.id ?? 'home') });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
