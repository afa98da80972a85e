namespace OrderGrid.Customers;

/// <summary>One customer, keyed by customer id.</summary>
public interface ICustomerGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<CustomerView> Get();

    /// <summary>Links an order to the customer and keeps the contact details it gave. Idempotent by order id.</summary>
    Task RecordOrder(string orderId, string? email, string? phone);
}