namespace AdaptiveMooc.Tools.Import;

/// <summary>What the files held that did not become a statement as such, reported so nothing is silently dropped.</summary>
/// <param name="ClickRows">studentVle rows read (with a positive click count).</param>
/// <param name="MergedClickRows">Rows folded into another row of the same (student, resource, day).</param>
/// <param name="UnregisteredClickRows">Rows of students without a registration in this presentation.</param>
/// <param name="BankedSubmissions">Results carried over from an earlier presentation (pitfall 4).</param>
/// <param name="UnregisteredSubmissions">Submissions of students without a registration in this presentation.</param>
/// <param name="MissingRegistrationDates">Registrations with a blank date_registration.</param>
internal sealed record ImportSkips(
    int ClickRows, int MergedClickRows, int UnregisteredClickRows, int BankedSubmissions, int UnregisteredSubmissions, int MissingRegistrationDates);
