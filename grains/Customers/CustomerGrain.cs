namespace OrderGrid.Customers;

/// <summary>One customer: latest contact details and their orders.</summary>
[GrainType("customer")]
public sealed class CustomerGrain(
    [PersistentState("customer", "customers")] IPersistentState<CustomerState> state) : Grain, ICustomerGrain
{
    public Task<CustomerView> Get() =>
        Task.FromResult(new CustomerView(this.GetPrimaryKeyString(), state.State.Email, state.State.Phone, state.State.OrderIds));

    public async Task RecordOrder(string orderId, string? email, string? phone)
    {
        var current = state.State;
        if (current.OrderIds.Contains(orderId))
        {
            return;
        }

        state.State = current with
        {
            Email = email ?? current.Email,
            Phone = phone ?? current.Phone,
            OrderIds = current.OrderIds.Add(orderId),
        };
        await state.WriteStateAsync();
    }
}