using OrderGrid.Api.Problems;
using OrderGrid.Demo;

namespace OrderGrid.Api.Demo;

/// <summary>Switches the demo traffic simulator on or off, and optionally sets its pace.</summary>
public sealed record DemoSimulationRequest(bool? Enabled, int? OrdersPerMinute = null) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (Enabled is null)
        {
            errors.Add("enabled", "Required: true or false.");
        }

        errors.Range("ordersPerMinute", OrdersPerMinute, DemoSimulation.MinOrdersPerMinute, DemoSimulation.MaxOrdersPerMinute, required: false);
        return errors;
    }
}