/*
 * html_score.c - prose, furniture and the choice of the article's element
 * (see html_score.h).
 */
#include "read/html_score.h"

#include <string.h>

/* Own text shorter than this (characters) is not evidence of prose. */
#define PROSE_MIN_CHARS 25
/* Unpunctuated own text needs this many characters to count as prose. */
#define PROSE_BARE_CHARS 80
/* Prose is at most this share of link text (percent). */
#define PROSE_MAX_LINK_PCT 50
/* How much a character of furniture costs against one of prose. */
#define JUNK_COST 2.0f
/* Levels above a block that its prose is credited to, and the share each
 * further level gets. */
#define LOCAL_LEVELS 3
#define LOCAL_DECAY 0.5f
/* Climbing: ancestors looked at per step, and the gain (characters of prose
 * net of furniture) worth a wider element. */
#define CLIMB_LOOK 4
#define CLIMB_MIN_GAIN 20.0f
/* Evidence e multiplies by 1 + e/100 when positive, by 25/(25 - e) when
 * negative: -30 keeps 45%, -60 29%, -100 20%. */
#define EVIDENCE_POS_SCALE 100.0f
#define EVIDENCE_NEG_SCALE 25.0f

int dyad__html_node_evidence(const struct dyad__htree *tree,
                             const struct dyad__html_lexicon *lex, uint32_t i,
                             enum dyad__html_evidence_mode mode)
{
	const struct dyad__hnode *node = &tree->nodes[i];
	if (node->flags & DYAD_HN_TEXT)
		return 0;
	if (mode == DYAD_HTML_EVIDENCE_ALL)
		return node->evidence;
	if (node->flags & DYAD_HN_HIDDEN)
		return DYAD_HTML_HIDDEN_EVIDENCE;
	return lex && node->tag <= GUMBO_TAG_LAST ? lex->tag_weight[node->tag] : 0;
}

static float multiplier(int evidence)
{
	if (evidence >= 0)
		return 1.0f + (float)evidence / EVIDENCE_POS_SCALE;
	return EVIDENCE_NEG_SCALE / (EVIDENCE_NEG_SCALE - (float)evidence);
}

float dyad__html_prose_value(const struct dyad__hnode *node)
{
	if ((node->flags & (DYAD_HN_TEXT | DYAD_HN_HEADING | DYAD_HN_SKIP)) ||
	    !(node->flags & DYAD_HN_BLOCK) || node->own_chars < node->own_link)
		return 0;
	uint32_t net = node->own_chars - node->own_link;
	if (net < PROSE_MIN_CHARS ||
	    node->own_link * 100 > node->own_chars * PROSE_MAX_LINK_PCT ||
	    (node->own_punct == 0 && net < PROSE_BARE_CHARS))
		return 0;
	return (float)net;
}

/* Furniture in a block's own text: its links, and all of it when short. */
static float junk_value(const struct dyad__hnode *node, float prose)
{
	if ((node->flags & (DYAD_HN_TEXT | DYAD_HN_SKIP)) || !(node->flags & DYAD_HN_BLOCK))
		return 0;
	float j = (float)node->own_link;
	if (prose == 0 && !(node->flags & DYAD_HN_HEADING) && node->own_chars > node->own_link)
		j += (float)(node->own_chars - node->own_link);
	return j;
}

dyad_status dyad__html_score(const struct dyad__htree *tree,
                             const struct dyad__html_lexicon *lex,
                             enum dyad__html_evidence_mode mode,
                             struct dyad_arena *arena, struct dyad__hscores *out)
{
	uint32_t n = tree->n;
	out->mode = mode;
	out->mult = dyad_arena_calloc(arena, n ? n : 1, sizeof *out->mult);
	out->prose = dyad_arena_calloc(arena, n ? n : 1, sizeof *out->prose);
	out->junk = dyad_arena_calloc(arena, n ? n : 1, sizeof *out->junk);
	if (!out->mult || !out->prose || !out->junk)
		return DYAD_ENOMEM;
	for (uint32_t i = n; i-- > 0;) {
		const struct dyad__hnode *node = &tree->nodes[i];
		if (node->flags & (DYAD_HN_TEXT | DYAD_HN_SKIP)) {
			out->mult[i] = node->flags & DYAD_HN_SKIP ? 0.0f : 1.0f;
			continue;
		}
		float v = dyad__html_prose_value(node);
		out->prose[i] += v;
		out->junk[i] += junk_value(node, v);
		out->mult[i] = multiplier(dyad__html_node_evidence(tree, lex, i, mode));
		/* positive evidence favours the element itself, not its ancestors */
		float up = out->mult[i] < 1.0f ? out->mult[i] : 1.0f;
		if (node->parent != DYAD_HTML_NONE) {
			out->prose[node->parent] += up * out->prose[i];
			out->junk[node->parent] += up * out->junk[i];
		}
	}
	return DYAD_OK;
}

/* What element i is worth as the article, given the prose and furniture
 * it holds: prose net of furniture, more when its own evidence says article. */
static float worth(const struct dyad__hscores *s, uint32_t i, float prose, float junk)
{
	float net = prose - JUNK_COST * junk;
	return net > 0 && s->mult[i] > 1.0f ? net * s->mult[i] : net;
}

static float down_mult(const struct dyad__hscores *s, uint32_t i)
{
	return s->mult[i] < 1.0f ? s->mult[i] : 1.0f;
}

/*
 * The prose and furniture of up as seen from its child below, which holds
 * (*prose, *junk) as seen from the article: below counts at that value, and
 * so do below's look-alike siblings (the same tag and class: the rest of an
 * article cut into chunks by ads, in wrappers named after the ad rail),
 * whatever their evidence says.
 */
static void climb_step(const struct dyad__htree *tree, const struct dyad__hscores *s,
                       uint32_t up, uint32_t below, float *prose, float *junk)
{
	float m = down_mult(s, below);
	float p = s->prose[up] - m * s->prose[below] + *prose;
	float j = s->junk[up] - m * s->junk[below] + *junk;
	for (uint32_t c = up + 1; c < tree->nodes[up].end; c = tree->nodes[c].end) {
		if (c == below || !dyad__hnode_same_look(tree, c, below))
			continue;
		p += (1.0f - down_mult(s, c)) * s->prose[c];
		j += (1.0f - down_mult(s, c)) * s->junk[c];
	}
	*prose = p;
	*junk = j;
}

/* The block element where prose concentrates, or NONE; local holds two
 * arrays of tree->n floats (zeroed). */
static uint32_t densest(const struct dyad__htree *tree, const struct dyad__hscores *s,
                        float *local)
{
	const struct dyad__hnode *nodes = tree->nodes;
	uint32_t end = nodes[tree->body].end;
	for (uint32_t b = tree->body; b < end; b++) {
		float v = dyad__html_prose_value(&nodes[b]);
		if (v == 0)
			continue;
		float x = v;
		uint32_t at = b;
		local[b] += x;
		for (int level = 1; level <= LOCAL_LEVELS; level++) {
			uint32_t up = nodes[at].parent;
			if (up == DYAD_HTML_NONE || up < tree->body)
				break;
			x *= (s->mult[at] < 1.0f ? s->mult[at] : 1.0f) * (level == 1 ? 1.0f : LOCAL_DECAY);
			local[up] += x;
			at = up;
		}
	}
	/* a candidate inside furniture (a comment, a sidebar) counts less: as
	 * much less as the strongest furniture evidence above it says, since
	 * layouts nest several wrappers whose words mislead ("sticky-sidebar") */
	float *context = local + tree->n;
	uint32_t best = DYAD_HTML_NONE;
	float best_score = 0;
	for (uint32_t i = tree->body; i < end; i++) {
		const struct dyad__hnode *node = &nodes[i];
		float up = i == tree->body ? 1.0f : context[node->parent];
		context[i] = s->mult[i] < up ? s->mult[i] : up;
		if (local[i] == 0 || (node->flags & DYAD_HN_HEADING))
			continue;
		float links = node->chars ? (float)node->link_chars / (float)node->chars : 0;
		float c = local[i] * (1.0f - links) * s->mult[i] * up;
		if (c > best_score) {
			best_score = c;
			best = i;
		}
	}
	return best;
}

uint32_t dyad__html_choose_root(const struct dyad__htree *tree,
                                const struct dyad__hscores *scores,
                                struct dyad_arena *arena)
{
	float *local = dyad_arena_calloc(arena, tree->n ? 2 * (size_t)tree->n : 1, sizeof *local);
	if (!local)
		return tree->body;
	uint32_t cur = densest(tree, scores, local);
	if (cur == DYAD_HTML_NONE)
		return tree->body;
	float cur_prose = scores->prose[cur], cur_junk = scores->junk[cur];
	float cur_worth = worth(scores, cur, cur_prose, cur_junk);
	for (;;) {
		uint32_t best = cur, up = tree->nodes[cur].parent, below = cur;
		float best_worth = cur_worth + CLIMB_MIN_GAIN, best_prose = 0, best_junk = 0;
		float prose = cur_prose, junk = cur_junk;
		/* wrappers that add no text do not count against the look-ahead */
		for (int k = 0; k < CLIMB_LOOK && up != DYAD_HTML_NONE && up >= tree->body;) {
			climb_step(tree, scores, up, below, &prose, &junk);
			float w = worth(scores, up, prose, junk);
			if (w > best_worth) {
				best = up;
				best_worth = w;
				best_prose = prose;
				best_junk = junk;
			}
			k += tree->nodes[up].chars != tree->nodes[below].chars;
			below = up;
			up = tree->nodes[up].parent;
		}
		if (best == cur)
			return cur;
		cur = best;
		cur_prose = best_prose;
		cur_junk = best_junk;
		cur_worth = best_worth;
	}
}
