/* Known nested calls for the uftrace plugin (build with -O0
 * -fno-omit-frame-pointer -fno-inline): main calls top once, top calls
 * middle twice, each middle calls leaf twice:
 *   main { top { middle { leaf leaf } middle { leaf leaf } } } */
int leaf(int x)
{
    return x * 2;
}

int middle(int x)
{
    return leaf(x) + leaf(x + 1);
}

int top(int n)
{
    int sum = 0;
    for (int i = 0; i < n; i++) {
        sum += middle(i);
    }
    return sum;
}

int main(void)
{
    /* middle(0) = 0 + 2, middle(1) = 2 + 4 */
    return top(2) == 8 ? 0 : 1;
}
