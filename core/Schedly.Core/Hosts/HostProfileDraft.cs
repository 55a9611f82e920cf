using Schedly.Core.Validation;

namespace Schedly.Core.Hosts;

/// <summary>A host profile as a client sent it, before validation.</summary>
public sealed record HostProfileDraft(string? Name, string? Email, string? TimeZone)
{
    public Validated<HostProfile> Validate()
    {
        var errors = new ValidationErrors();
        var name = TextRules.RequiredName(Name, "name", HostProfile.MaxNameLength, errors);
        var email = EmailAddressRules.Required(Email, "email", errors);
        var zone = TimeZoneRules.Required(TimeZone, "timeZone", errors);
        return errors.IsEmpty
            ? Validated<HostProfile>.Valid(new HostProfile(name!, email!, zone!))
            : Validated<HostProfile>.Invalid(errors);
    }
}
