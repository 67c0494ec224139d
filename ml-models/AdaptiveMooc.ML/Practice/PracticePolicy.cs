using System.Globalization;

namespace AdaptiveMooc.ML.Practice;

/// <summary>
/// Picks the next practice item from the learner's knowledge state. Among the items the learner has
/// answered least often (fresh ones first, so nobody drills one item) whose predicted P(correct) lies in
/// the band, it takes the one that teaches most (fitted learning rate), then the most informative
/// (discrimination), then the one closest to the band's target; when no item lies in the band, the one
/// nearest to it (the easiest when all are too hard, the hardest when all are too easy). Ties go to
/// the smaller item id, so a choice is reproducible. Pure: same inputs, same choice.
/// </summary>
public static class PracticePolicy
{
    public static PracticeChoice Choose(IReadOnlyList<PracticeCandidate> candidates, PracticeBand band)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(band);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("there must be at least one candidate item", nameof(candidates));
        }

        var fewest = candidates.Min(c => Math.Max(0, c.TimesAnswered));
        var pool = candidates.Where(c => Math.Max(0, c.TimesAnswered) == fewest).ToList();
        var inBand = pool.Where(c => band.Contains(c.PCorrect)).ToList();
        PracticeCandidate chosen;
        PracticePlacement placement;
        if (inBand.Count > 0)
        {
            // The most discriminating item first (its answer moves the estimate most), then the one nearest the target.
            // What the answer teaches first (the item's fitted learning rate: the chance an unknown skill becomes known by
            // answering it), then what it tells (discrimination: its answer moves the estimate most), then the one nearest
            // the target. Rounded to 0.01 so that noise in the third decimal does not outrank the next criterion.
            chosen = inBand
                .OrderByDescending(c => Math.Round(c.Learn ?? 0, 2))
                .ThenByDescending(c => Math.Round(c.Discrimination ?? 0, 2))
                .ThenBy(c => Math.Abs(c.PCorrect - band.Target))
                .ThenBy(c => c.ItemId, StringComparer.Ordinal)
                .First();
            placement = PracticePlacement.InBand;
        }
        else
        {
            // Nearest to the band: the distance to its closer edge.
            chosen = Best(pool, c => c.PCorrect < band.Low ? band.Low - c.PCorrect : c.PCorrect - band.High);
            placement = chosen.PCorrect < band.Low ? PracticePlacement.BelowBand : PracticePlacement.AboveBand;
        }

        return new PracticeChoice(chosen.ItemId, chosen.PCorrect, placement, Reason(chosen, placement, band, inBand.Count, pool.Count, candidates.Count, fewest));
    }

    private static PracticeCandidate Best(List<PracticeCandidate> items, Func<PracticeCandidate, double> distance) =>
        items.OrderBy(distance).ThenBy(c => c.ItemId, StringComparer.Ordinal).First();

    private static string Reason(PracticeCandidate chosen, PracticePlacement placement, PracticeBand band, int inBand, int pool, int all, int fewest)
    {
        var chance = Percent(chosen.PCorrect);
        var range = $"{Percent(band.Low)}–{Percent(band.High)}";
        var main = placement switch
        {
            PracticePlacement.InBand => inBand == 1
                ? $"Your predicted chance of answering this item correctly is {chance}, inside the desirable-difficulty band of {range}: hard enough to teach you something, easy enough to succeed most of the time. It is the only such item left."
                : chosen.Learn is not null
                    ? $"Your predicted chance of answering this item correctly is {chance}, inside the desirable-difficulty band of {range}: hard enough to teach you something, easy enough to succeed most of the time. Of the {inBand} items in the band it is the one learners learnt most from."
                    : $"Your predicted chance of answering this item correctly is {chance}, inside the desirable-difficulty band of {range}: hard enough to teach you something, easy enough to succeed most of the time. Of the {inBand} items in the band it is the closest to the aim of {Percent(band.Target)}.",
            PracticePlacement.BelowBand =>
                $"Every item left is harder for you than the desirable-difficulty band of {range}; this is the easiest of them, with a predicted chance of {chance} of answering it correctly.",
            _ =>
                $"Every item left is easier for you than the desirable-difficulty band of {range}; this is the hardest of them, with a predicted chance of {chance} of answering it correctly.",
        };
        if (fewest > 0)
        {
            main += string.Create(CultureInfo.InvariantCulture, $" You have answered every item of this skill at least {fewest} time{(fewest == 1 ? "" : "s")}, so it comes back.");
        }
        else if (pool < all)
        {
            main += string.Create(CultureInfo.InvariantCulture, $" Items you already answered ({all - pool}) wait until the {pool} fresh ones are used.");
        }

        return main;
    }

    private static string Percent(double p) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(p * 100):0} %");
}
