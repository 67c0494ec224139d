namespace AdaptiveMooc.ML.Oulad;

/// <summary>A registration (studentRegistration.csv joined with studentInfo.csv).</summary>
/// <param name="RegistrationDay">date_registration, null when blank.</param>
/// <param name="UnregistrationDay">date_unregistration, null when the student never unregistered.</param>
/// <param name="FinalResult">Pass, Fail, Withdrawn or Distinction (empty when studentInfo has no row).</param>
public sealed record OuladRegistration(
    int StudentId,
    string Module,
    string Presentation,
    int? RegistrationDay,
    int? UnregistrationDay,
    string FinalResult,
    int PreviousAttempts,
    int StudiedCredits)
{
    public string LearnerId => StudentId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The registration ended in withdrawal: final result <c>Withdrawn</c>, or an unregistration date
    /// whatever the final result says (a few registrations unregistered after a cut-off carry another
    /// final result, and a Withdrawn result can lack the date).
    /// </summary>
    public bool Withdrawn => FinalResult == "Withdrawn" || UnregistrationDay is not null;

    /// <summary><see cref="Withdrawn"/> or final result Fail.</summary>
    public bool AtRisk => Withdrawn || FinalResult == "Fail";

    /// <summary>Still registered at the start of <paramref name="day"/> (no unregistration before it).</summary>
    public bool RegisteredAt(int day) => UnregistrationDay is not { } u || u >= day;

    /// <summary>
    /// In a population scored at the start of <paramref name="day"/>: registered before that day (a blank
    /// registration date counts as registered from the start) and not unregistered before it.
    /// </summary>
    public bool EnrolledAt(int day) => (RegistrationDay is not { } r || r < day) && RegisteredAt(day);

    /// <summary>
    /// The study load as the platform asks it at enrolment (hours a week of all current study): OU credits
    /// are 10 notional study hours each, spread over the presentation's weeks, capped at what a learner
    /// can declare (a few OULAD students hold several hundred credits at once); null without credits.
    /// </summary>
    public double? WeeklyStudyHours(int presentationLengthDays) =>
        StudiedCredits > 0 && presentationLengthDays > 0
            ? Math.Min(Risk.EngagementState.MaxWeeklyStudyHours, Math.Round(StudiedCredits * 10.0 / (presentationLengthDays / 7.0), 1))
            : null;
}
