fn main() {
    compute_demand_web::start();
}
